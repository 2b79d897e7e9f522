package com.example.clinic;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Fills the database at start (so the JDBC and JPA paths run before the first request) and reads it. */
@Service
public class ClinicService implements ApplicationRunner {

    private final OwnerRepository owners;

    public ClinicService(OwnerRepository owners) {
        this.owners = owners;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (int i = 0; i < 20; i++) {
            Owner owner = new Owner("owner " + i, i % 2 == 0 ? "Lyon" : "Porto");
            owner.addPet("pet " + i, i % 3 == 0 ? "cat" : "dog");
            owners.save(owner);
        }
    }

    @Transactional(readOnly = true)
    public int petsIn(String city) {
        List<Owner> found = owners.findByCity(city);
        return found.stream().mapToInt(owner -> owner.getPets().size()).sum();
    }

    public long ownerCount() {
        return owners.count();
    }
}
