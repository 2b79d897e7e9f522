package com.acme.reactive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A reactive service as Spring Boot builds one: WebFlux on Reactor Netty. */
@SpringBootApplication
public class ReactiveQuotesApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReactiveQuotesApplication.class, args);
    }
}
