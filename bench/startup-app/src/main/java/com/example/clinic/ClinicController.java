package com.example.clinic;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
public class ClinicController {

    private final ClinicService clinic;

    public ClinicController(ClinicService clinic) {
        this.clinic = clinic;
    }

    /** What the start-up benchmark waits for: its first 200 has gone through the database. */
    @GetMapping("/api/ping")
    public Map<String, Object> ping() {
        return Map.of("owners", clinic.ownerCount());
    }

    @GetMapping("/api/cities/{city}/pets")
    public Map<String, Object> pets(@PathVariable String city) {
        return Map.of("city", city, "pets", clinic.petsIn(city));
    }
}
