package com.example.clinic;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Pet {

    @Id
    @GeneratedValue
    private Long id;
    @ManyToOne
    private Owner owner;
    private String name;
    private String kind;

    protected Pet() {
    }

    Pet(Owner owner, String name, String kind) {
        this.owner = owner;
        this.name = name;
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public String getKind() {
        return kind;
    }
}
