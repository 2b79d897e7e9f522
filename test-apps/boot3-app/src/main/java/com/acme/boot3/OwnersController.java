package com.acme.boot3;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Routes with a template, a failure and the name of the server that answers. */
@RestController
public class OwnersController {

    /** For tests to poll until the service is up, apart from the routes they count. */
    @GetMapping("/ready")
    public String ready() {
        return "ready";
    }

    @GetMapping("/owners/{id}")
    public String owner(@PathVariable long id) {
        return "owner " + id;
    }

    @GetMapping("/fail")
    public String fail() {
        throw new IllegalStateException("the fail route always fails");
    }
}
