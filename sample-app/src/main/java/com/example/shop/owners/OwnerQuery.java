package com.example.shop.owners;

/**
 * Search criteria bound from query parameters ({@code ?lastName=Davis&city=Madison}) through the
 * record's constructor; a criterion left out matches every owner.
 */
public record OwnerQuery(String lastName, String city) {

    boolean matches(Owner owner) {
        return startsWithIgnoringCase(owner.lastName(), lastName) && (city == null || owner.city().equalsIgnoreCase(city));
    }

    static boolean startsWithIgnoringCase(String value, String prefix) {
        return prefix == null || value.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
