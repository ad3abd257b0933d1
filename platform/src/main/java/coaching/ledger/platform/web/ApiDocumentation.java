package coaching.ledger.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The published API description (/v3/api-docs, Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    @Bean
    public OpenAPI ledgerApi(@Value("${ledger.http.max-body-size}") DataSize maxBodySize) {
        return new OpenAPI()
                .info(new Info()
                        .title("Engagement ledger")
                        .version("v1")
                        .description(
                                "Event-sourced ledger of executive-coaching engagements: every disclosure to HR or a "
                                        + "boss is traceable to the client's consent. Errors are RFC 9457 problem documents. A request body "
                                        + "has at most " + maxBodySize.toBytes() + " bytes (larger: 413)."))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
