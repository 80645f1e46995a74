package dev.blockmine.node.openapi;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/**
 * The OpenAPI description ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). What each endpoint takes
 * and does is read from the controllers: their request body types, parameters and {@code @Operation} summaries. Only
 * what belongs to the API as a whole, and to no one controller, is said here.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "blockmine node", version = "0.1.0", description = "The course's blockchain API,"
        + " with balances, signed spends and peers. Every answer is JSON with sorted keys; every failure has a"
        + " \"message\"."))
class ApiDescription {
}
