package com.acme.boot3;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot 3 MVC service; which embedded server runs it depends on the jar (see the POM). */
@SpringBootApplication
public class OwnersApplication {

    public static void main(String[] args) {
        SpringApplication.run(OwnersApplication.class, args);
    }
}
