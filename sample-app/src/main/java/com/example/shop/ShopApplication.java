package com.example.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of the sample shop: a tiny web service that sonde's integration tests and demo
 * profile. Each endpoint of {@link ShopController} has a known cost profile; the owners API
 * ({@link com.example.shop.owners.OwnerController}) is ordinary request binding by parameter name.
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
