package dev.sonde.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.sonde.it.PlannedRequest.get;
import static dev.sonde.it.PlannedRequest.postJson;

/**
 * A fixed plan of requests to the sample shop's owners API ({@code com.example.shop.owners}), whose
 * handlers bind {@code @RequestParam}, {@code @PathVariable}, {@code @RequestHeader} and a record
 * {@code @ModelAttribute} by their {@code -parameters} names: successes, bad input Spring rejects while
 * binding, not-found answers and a handler that throws. Every answer is the same from run to run.
 */
public final class OwnerApiPlan {

    public static final String HANDLER_CLASS = "com.example.shop.owners.OwnerController";

    private static final String LIST = "GET /api/owners";
    private static final String OWNER = "GET /api/owners/{ownerId}";
    private static final String PET = "GET /api/owners/{ownerId}/pets/{petId}";
    private static final String SEARCH = "GET /api/owners/search";
    private static final String VISIT = "POST /api/owners/{ownerId}/pets/{petId}/visits";
    private static final String BALANCE = "GET /api/owners/{ownerId}/balance";
    private static final String VISIT_JSON = "{\"date\":\"2026-03-02\",\"description\":\"rabies shot\"}";

    /** Requests to the handlers {@code list}, {@code owner} and {@code pet}. */
    public static final List<PlannedRequest> FIRST = List.of(
            get("/api/owners?page=1&lastName=Davis", 200, LIST, "list"),
            get("/api/owners?page=2", 200, LIST, "list"),
            get("/api/owners?page=0", 400, LIST, "list"),
            get("/api/owners", 400, LIST, null),
            get("/api/owners?page=x", 400, LIST, null),
            get("/api/owners/3", 200, OWNER, "owner"),
            get("/api/owners/99", 404, OWNER, "owner"),
            get("/api/owners/abc", 400, OWNER, null),
            get("/api/owners/3/pets/4", 200, PET, "pet"),
            get("/api/owners/3/pets/5", 404, PET, "pet"),
            get("/api/owners/3/pets/z", 400, PET, null));

    /** Requests to the other handlers: {@code search}, {@code bookVisit} and {@code balance}. */
    public static final List<PlannedRequest> LATER = List.of(
            get("/api/owners/search?lastName=Mc&city=Madison", 200, SEARCH, "search"),
            get("/api/owners/search?city=Monona", 200, SEARCH, "search"),
            postJson("/api/owners/3/pets/4/visits", VISIT_JSON, 201, VISIT, "bookVisit"),
            postJson("/api/owners/3/pets/4/visits", VISIT_JSON, 201, VISIT, "bookVisit").withHeader("Prefer", "return=minimal"),
            postJson("/api/owners/3/pets/4/visits", "{\"date\":\"yesterday\"}", 400, VISIT, null),
            postJson("/api/owners/3/pets/4/visits", "{\"date\":\"2026-03-02\"}", 400, VISIT, "bookVisit"),
            get("/api/owners/1/balance", 500, BALANCE, "balance"),
            // Binds ownerId before the 404: a 500 of lost parameter names would look like the one above.
            get("/api/owners/99/balance", 404, BALANCE, "balance"));

    private OwnerApiPlan() {
    }

    public static List<PlannedRequest> all() {
        return concat(FIRST, LATER);
    }

    public static List<PlannedRequest> concat(List<PlannedRequest> first, List<PlannedRequest> then) {
        List<PlannedRequest> both = new ArrayList<>(first);
        both.addAll(then);
        return both;
    }

    /** Sends the requests one after the other, in order; the answers by request. */
    public static Map<PlannedRequest, Answer> play(HttpProbe http, List<PlannedRequest> requests) throws Exception {
        Map<PlannedRequest, Answer> answers = new LinkedHashMap<>();
        for (PlannedRequest request : requests) {
            answers.put(request, request.sendTo(http));
        }
        return answers;
    }

    /** How many of the requests each route and each handler method should have counted. */
    public static Map<String, Long> expectedCounts(List<PlannedRequest> requests) {
        Map<String, Long> counts = new TreeMap<>();
        for (PlannedRequest request : requests) {
            counts.merge(request.route(), 1L, Long::sum);
            if (request.handler() != null) {
                counts.merge(HANDLER_CLASS + "#" + request.handler(), 1L, Long::sum);
            }
        }
        return counts;
    }
}
