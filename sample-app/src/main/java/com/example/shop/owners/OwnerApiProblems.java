package com.example.shop.owners;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Request errors of the owners API as RFC 9457 problem details ({@code application/problem+json}):
 * a missing or malformed parameter, an unreadable body, an unknown owner. The detail names the
 * parameter at fault. Unexpected failures still get Spring Boot's default error answer.
 */
@RestControllerAdvice(assignableTypes = OwnerController.class)
public class OwnerApiProblems extends ResponseEntityExceptionHandler {
}
