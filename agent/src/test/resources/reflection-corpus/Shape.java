package com.acme.reflection.corpus.variant;

/** A sealed interface: its PermittedSubclasses attribute must survive retransformation too. */
public sealed interface Shape permits Point, Circle {

    double area();
}
