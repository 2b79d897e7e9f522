package com.example.shop.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The catalog in an embedded H2 database (schema.sql and data.sql), read through JdbcTemplate and a
 * HikariCP pool the way a Spring Boot service reads its database: a look-up by key, and an
 * {@code IN} list whose length depends on the request.
 */
@Repository
public class CatalogRepository {

    private static final RowMapper<Product> PRODUCT = (row, number) -> new Product(
            row.getLong("id"), row.getString("name"), row.getString("category"), row.getLong("price_cents"));

    private final NamedParameterJdbcTemplate jdbc;

    public CatalogRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Product> findById(long id) {
        List<Product> found = jdbc.query(
                "SELECT id, name, category, price_cents FROM products WHERE id = :id", Map.of("id", id), PRODUCT);
        return found.stream().findFirst();
    }

    /** Expands to {@code IN (?, ?, ...)} with one marker per category. */
    public List<Product> findByCategories(List<String> categories) {
        return jdbc.query("SELECT id, name, category, price_cents FROM products WHERE category IN (:categories)"
                + " ORDER BY price_cents DESC", Map.of("categories", categories), PRODUCT);
    }
}
