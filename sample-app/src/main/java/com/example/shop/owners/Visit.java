package com.example.shop.owners;

import java.time.LocalDate;

/** A booked visit of a pet, as the booking answers it. */
public record Visit(long ownerId, int petId, LocalDate date, String description) {
}
