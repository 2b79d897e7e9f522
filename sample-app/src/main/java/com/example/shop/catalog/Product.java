package com.example.shop.catalog;

/** One row of the catalog's {@code products} table. */
public record Product(long id, String name, String category, long priceCents) {
}
