package coaching.ledger.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The published API description (/v3/api-docs, Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    @Bean
    public OpenAPI ledgerApi() {
        return new OpenAPI()
                .info(new Info().title("Engagement ledger").version("v1")
                        .description("Event-sourced ledger of executive-coaching engagements: every disclosure to HR or a "
                                + "boss is traceable to the client's consent. Errors are RFC 9457 problem documents."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
