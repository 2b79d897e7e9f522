package com.example.shop.catalog;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Catalog endpoints backed by SQL: one product by id, or every product of some categories. */
@RestController
@RequestMapping("/api/products")
public class CatalogController {

    private final CatalogRepository catalog;

    public CatalogController(CatalogRepository catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/{id}")
    public ResponseEntity<Product> product(@PathVariable long id) {
        return ResponseEntity.of(catalog.findById(id));
    }

    /** {@code /api/products?category=tools,garden}: the number of categories varies per request. */
    @GetMapping
    public List<Product> byCategory(@RequestParam List<String> category) {
        return catalog.findByCategories(category);
    }
}
