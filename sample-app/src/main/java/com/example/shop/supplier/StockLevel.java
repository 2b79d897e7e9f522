package com.example.shop.supplier;

/** What the supplier answers for one article. */
public record StockLevel(long sku, int units) {
}
