package io.recollect.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document says how to authenticate (HTTP Basic for integrating systems; the login
 * session, with its CSRF token, for a person in Swagger UI) and what every error looks like: RFC
 * 9457 problem details, with the statuses each kind of operation can answer.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BASIC = "basic";
    static final String SESSION = "session";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenApiCustomizer recollectApi() {
        return api -> {
            api.info(new Info().title("Recollect API").version("1").description("""
                    Customers, invoices, payments and what collections learns from customers. Integrating \
                    systems authenticate with HTTP Basic. A person logged in to the app uses the same API from \
                    this page on their login session: Swagger UI sends the session's CSRF token with every \
                    change. Errors are RFC 9457 problem details naming the field at fault."""));
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            api.components(components
                    .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                            .description("Integrating systems and scripts: user and password"))
                    .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                            .description("The app's login session (log in at /login), for requests from this "
                                    + "origin; changes need the session's CSRF token in X-RECOLLECT-XSRF-TOKEN"))
                    .addSchemas(PROBLEM, problemSchema()));
            api.addSecurityItem(new SecurityRequirement().addList(BASIC));
            api.addSecurityItem(new SecurityRequirement().addList(SESSION));
            if (api.getPaths() != null) {
                api.getPaths().forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> document(path, method, operation)));
            }
        };
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (method == PathItem.HttpMethod.POST && responses.containsKey("200") && path.startsWith("/api/")
                && !path.equals("/api/collection-runs")) {
            ApiResponse ok = responses.get("200");
            responses.addApiResponse("201", new ApiResponse().description("Created").content(ok.getContent()));
            if (!path.equals("/api/payments")) {
                responses.remove("200"); // only a payment sent again answers 200: it is idempotent on externalId
            } else {
                ok.description("Already recorded: the same externalId was sent before");
            }
        }
        problem(responses, "400", "Invalid request: the errors name each field at fault");
        problem(responses, "401", "Not authenticated: use HTTP Basic, or log in");
        problem(responses, "403", "Not permitted for your groups, your team, or missing the CSRF token on a session");
        if (path.contains("{")) {
            problem(responses, "404", "No such resource");
        }
        if (changes) {
            problem(responses, "409", "Conflicts with the current state (a second open promise, dispute or pause)");
            problem(responses, "422", "Well formed but against a business rule (the type names the rule)");
        }
    }

    private static void problem(ApiResponses responses, String status, String description) {
        ApiResponse response = responses.get(status);
        if (response == null) {
            response = new ApiResponse().description(description);
            responses.addApiResponse(status, response);
        }
        response.setContent(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.setProperties(Map.of("field", new StringSchema(), "message", new StringSchema()));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.setProperties(new java.util.LinkedHashMap<>(Map.of(
                "type", new StringSchema().format("uri").example("https://recollect.io/problems/invalid-request"),
                "title", new StringSchema(),
                "status", new IntegerSchema(),
                "detail", new StringSchema(),
                "instance", new StringSchema().format("uri-reference"),
                "errors", new ArraySchema().items(error).description("one per field at fault"))));
        return problem;
    }
}
