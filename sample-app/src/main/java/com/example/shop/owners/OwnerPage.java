package com.example.shop.owners;

import java.util.List;

/** One page of a listing: which page, how many there are, and the owners on it. */
public record OwnerPage(int page, int pages, List<Owner> owners) {
}
