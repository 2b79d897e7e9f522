package com.example.shop.owners;

import java.time.LocalDate;

/** The JSON body of a visit booking: {@code {"date": "2026-03-02", "description": "rabies shot"}}. */
public record VisitRequest(LocalDate date, String description) {
}
