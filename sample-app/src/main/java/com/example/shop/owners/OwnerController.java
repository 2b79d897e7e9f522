package com.example.shop.owners;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The clinic's owners API, written as most Spring MVC code is: parameters are bound by their Java
 * names ({@code -parameters}), without repeating the name in the annotation. Spring reads those
 * names from the compiled class at each handler's first request, so this controller breaks visibly
 * if anything strips them.
 */
@RestController
@RequestMapping("/api/owners")
public class OwnerController {

    static final int PAGE_SIZE = 4;

    private final OwnerDirectory directory;

    public OwnerController(OwnerDirectory directory) {
        this.directory = directory;
    }

    /** {@code GET /api/owners?page=1&lastName=Dav}: owners whose last name starts so, a page at a time. */
    @GetMapping
    public OwnerPage list(@RequestParam int page, @RequestParam(required = false) String lastName) {
        if (page < 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page starts at 1");
        }
        List<Owner> owners = directory.matching(new OwnerQuery(lastName, null));
        int pages = Math.max(1, (owners.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int from = Math.min(owners.size(), (page - 1) * PAGE_SIZE);
        return new OwnerPage(page, pages, owners.subList(from, Math.min(owners.size(), from + PAGE_SIZE)));
    }

    /** {@code GET /api/owners/search?lastName=D&city=Madison}: the criteria are bound into a record. */
    @GetMapping("/search")
    public List<Owner> search(@ModelAttribute OwnerQuery query) {
        return directory.matching(query);
    }

    @GetMapping("/{ownerId}")
    public Owner owner(@PathVariable long ownerId) {
        return existing(ownerId);
    }

    @GetMapping("/{ownerId}/pets/{petId}")
    public Pet pet(@PathVariable long ownerId, @PathVariable int petId) {
        return existingPet(ownerId, petId);
    }

    /**
     * Books a visit; the sample keeps no calendar, so the booking is checked and confirmed only.
     * {@code Prefer: return=minimal} (RFC 7240) asks for the confirmation without a body.
     */
    @PostMapping("/{ownerId}/pets/{petId}/visits")
    public ResponseEntity<Visit> bookVisit(@PathVariable long ownerId, @PathVariable int petId,
                                           @RequestBody VisitRequest visit,
                                           @RequestHeader(required = false) String prefer) {
        Pet pet = existingPet(ownerId, petId);
        if (visit.date() == null || visit.description() == null || visit.description().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a visit needs a date and a description");
        }
        if ("return=minimal".equals(prefer)) {
            return ResponseEntity.status(HttpStatus.CREATED).build();
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Visit(ownerId, pet.id(), visit.date(), visit.description()));
    }

    /**
     * Balances live in a billing system this sample does not have: asking for one fails as a call
     * to a dependency that is down would, and Spring Boot answers 500.
     */
    @GetMapping("/{ownerId}/balance")
    public Map<String, Object> balance(@PathVariable long ownerId) {
        existing(ownerId);
        throw new IllegalStateException("billing service unavailable");
    }

    private Owner existing(long ownerId) {
        return directory.find(ownerId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no owner " + ownerId));
    }

    private Pet existingPet(long ownerId, int petId) {
        return existing(ownerId).pets().stream().filter(pet -> pet.id() == petId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "owner " + ownerId + " has no pet " + petId));
    }
}
