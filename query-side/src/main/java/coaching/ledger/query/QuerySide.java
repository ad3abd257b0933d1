package coaching.ledger.query;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * Defaults the query side brings to any process that assembles it: one pooled streaming processor
 * per view, sized for replays. Lowest precedence, so an application's own configuration wins.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:query-side.properties")
public class QuerySide {}
