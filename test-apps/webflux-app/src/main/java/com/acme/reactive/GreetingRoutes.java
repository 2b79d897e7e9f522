package com.acme.reactive;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/** A functional route. */
@Configuration
public class GreetingRoutes {

    @Bean
    public RouterFunction<ServerResponse> greetings() {
        return route(GET("/greetings/{name}"),
                request -> ServerResponse.ok().bodyValue("hello " + request.pathVariable("name")));
    }
}
