package dev.blockmine.node.api;

import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A POST without a body: Spring MVC sees that before any converter reads, and hands it here rather than to
 * {@link JsonBodyConverter}; the client is told what to send, as for every other unreadable body.
 */
@ControllerAdvice
class EmptyBodyRefusal extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return JsonBodyConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        throw ApiException.badRequest("Request body is empty: send a JSON object");
    }
}
