package com.example.shop.owners;

import java.time.LocalDate;

/** A pet of an owner; ids are unique across all owners. */
public record Pet(int id, String name, String type, LocalDate birthDate) {
}
