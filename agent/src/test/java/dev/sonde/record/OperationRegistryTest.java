package dev.sonde.record;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationRegistryTest {

    @Test
    void sameNameGetsTheSameId() {
        OperationRegistry registry = new OperationRegistry(10);
        int first = registry.register("a.B#c", OperationKind.METHOD);
        assertThat(registry.register("a.B#c", OperationKind.METHOD)).isEqualTo(first);
        assertThat(registry.register("a.B#d", OperationKind.METHOD)).isNotEqualTo(first);
        assertThat(registry.size()).isEqualTo(2);
    }

    @Test
    void namesPastTheCapShareTheOverflowOperationAndAreCountedAsDropped() {
        OperationRegistry registry = new OperationRegistry(2);
        registry.register("a#1", OperationKind.METHOD);
        registry.register("a#2", OperationKind.METHOD);
        int third = registry.register("a#3", OperationKind.METHOD);
        int fourth = registry.register("a#4", OperationKind.METHOD);
        registry.register("a#3", OperationKind.METHOD);

        assertThat(third).isEqualTo(fourth);
        assertThat(registry.operation(third).name).isEqualTo(OperationRegistry.OVERFLOW);
        assertThat(registry.droppedCount()).as("a#3 twice counts once").isEqualTo(2);
        assertThat(registry.size()).isEqualTo(3);
    }

    @Test
    void namesRegisteredBeforeTheCapKeepTheirIds() {
        OperationRegistry registry = new OperationRegistry(1);
        int kept = registry.register("a#1", OperationKind.METHOD);
        registry.register("a#2", OperationKind.METHOD);
        assertThat(registry.register("a#1", OperationKind.METHOD)).isEqualTo(kept);
    }

    @Test
    void aRouteKeepsOneIdPerMethodAndTheNameOfBoth() {
        OperationRegistry registry = new OperationRegistry(10);
        int get = registry.registerRoute("GET", "/owners/{id}");
        int post = registry.registerRoute("POST", "/owners/{id}");

        assertThat(registry.registerRoute("GET", new String("/owners/{id}"))).isEqualTo(get);
        assertThat(registry.registerRoute("POST", "/owners/{id}")).isEqualTo(post);
        assertThat(post).isNotEqualTo(get);
        assertThat(registry.operation(get).name).isEqualTo("GET /owners/{id}");
        assertThat(registry.operation(post).name).isEqualTo("POST /owners/{id}");
        assertThat(registry.find("GET /owners/{id}")).contains(get);
    }

    @Test
    void routesPastTheCapShareTheOverflowOperationAndAreCountedAsDroppedOnce() {
        OperationRegistry registry = new OperationRegistry(1);
        registry.registerRoute("GET", "/a");
        int past = registry.registerRoute("GET", "/b");

        assertThat(registry.registerRoute("GET", "/b")).isEqualTo(past);
        assertThat(registry.operation(past).name).isEqualTo(OperationRegistry.OVERFLOW);
        assertThat(registry.droppedCount()).isEqualTo(1);
    }
}
