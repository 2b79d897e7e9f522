package com.example.shop.owners;

import java.util.List;

/** A customer of the clinic with the pets they bring. */
public record Owner(long id, String firstName, String lastName, String address, String city, List<Pet> pets) {

    public Owner {
        pets = List.copyOf(pets);
    }
}
