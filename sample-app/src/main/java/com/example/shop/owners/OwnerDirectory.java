package com.example.shop.owners;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Repository;

/**
 * The clinic's owners and their pets: fixed seed data in memory, so every answer of the owners API
 * is the same from one run to the next and tests can compare whole responses.
 */
@Repository
public class OwnerDirectory {

    private static final List<Owner> OWNERS = List.of(
            owner(1, "George", "Franklin", "110 W. Liberty St.", "Madison", pet(1, "Leo", "cat", "2010-09-07")),
            owner(2, "Betty", "Davis", "638 Cardinal Ave.", "Sun Prairie", pet(2, "Basil", "hamster", "2012-08-06")),
            owner(3, "Eduardo", "Rodriquez", "2693 Commerce St.", "McFarland",
                    pet(3, "Rosy", "dog", "2011-04-17"), pet(4, "Jewel", "dog", "2010-03-07")),
            owner(4, "Harold", "Davis", "563 Friendly St.", "Windsor", pet(5, "Iggy", "lizard", "2010-11-30")),
            owner(5, "Peter", "McTavish", "2387 S. Fair Way", "Madison", pet(6, "George", "snake", "2010-01-20")),
            owner(6, "Jean", "Coleman", "105 N. Lake St.", "Monona",
                    pet(7, "Samantha", "cat", "2012-09-04"), pet(8, "Max", "cat", "2012-09-04")),
            owner(7, "Jeff", "Black", "1450 Oak Blvd.", "Monona", pet(9, "Lucky", "bird", "2011-08-06")),
            owner(8, "Maria", "Escobito", "345 Maple St.", "Madison", pet(10, "Mulligan", "dog", "2007-02-24")),
            owner(9, "David", "Schroeder", "2749 Blackhawk Trail", "Madison", pet(11, "Freddy", "bird", "2010-03-09")),
            owner(10, "Carlos", "Estaban", "2335 Independence La.", "Waunakee",
                    pet(12, "Lucky", "dog", "2010-06-24"), pet(13, "Sly", "cat", "2012-06-08")));

    public Optional<Owner> find(long ownerId) {
        return OWNERS.stream().filter(owner -> owner.id() == ownerId).findFirst();
    }

    /** The owners the query selects, in id order. */
    public List<Owner> matching(OwnerQuery query) {
        return OWNERS.stream().filter(query::matches).collect(Collectors.toList());
    }

    private static Owner owner(long id, String firstName, String lastName, String address, String city, Pet... pets) {
        return new Owner(id, firstName, lastName, address, city, List.of(pets));
    }

    private static Pet pet(int id, String name, String type, String birthDate) {
        return new Pet(id, name, type, LocalDate.parse(birthDate));
    }
}
