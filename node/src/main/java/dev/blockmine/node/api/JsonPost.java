package dev.blockmine.node.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * A POST that takes a JSON body, and only JSON (any charset): a web page on another origin can POST text/plain, a
 * form or no Content-Type at all with a no-cors fetch, but not JSON without the browser asking us first (CORS
 * preflight), which this node never allows. So a stranger's page cannot register peers or mine through a visitor's
 * browser. Anything else is refused 415 before the body is read ({@link ApiExceptionHandler}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequestMapping(method = RequestMethod.POST, consumes = MediaType.APPLICATION_JSON_VALUE)
@interface JsonPost {

    @AliasFor(annotation = RequestMapping.class, attribute = "path")
    String value();
}
