package dev.tandem.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors raised before any controller is chosen (no such route, wrong method or media type) reach no
 * controller-scoped advice. Under {@code /api/} they are answered as problem details like every other
 * API error; elsewhere they are passed on to Spring's default handling and the error pages.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRoutingErrors {

    @ExceptionHandler({NoResourceFoundException.class, HttpMediaTypeNotSupportedException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> routing(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e;
        }
        if (e instanceof NoResourceFoundException) {
            return ApiExceptionHandler.problem(HttpStatus.NOT_FOUND, "Not found",
                    "no such endpoint: " + request.getMethod() + " " + request.getRequestURI(), request, null);
        }
        if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
            return ApiExceptionHandler.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "this endpoint accepts " + unsupported.getSupportedMediaTypes() + ", not "
                    + unsupported.getContentType(), request, null);
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            ResponseEntity<ProblemDetail> response = ApiExceptionHandler.problem(HttpStatus.METHOD_NOT_ALLOWED,
                    "Method not allowed", request.getMethod() + " is not supported here; use "
                    + method.getSupportedHttpMethods(), request, null);
            return ResponseEntity.status(response.getStatusCode()).headers(h -> {
                h.addAll(response.getHeaders());
                if (method.getSupportedHttpMethods() != null) {
                    h.setAllow(method.getSupportedHttpMethods());
                }
            }).body(response.getBody());
        }
        return ApiExceptionHandler.problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", e.getMessage(), request, null);
    }
}
