package com.acme.testapp.patterns;

/**
 * An enum: javac adds the constant's name and ordinal ({@code String,int}) before the parameters
 * its constructors have in the source. {@code MINUS} has a body, an anonymous subclass {@code Op$1}.
 */
public enum Op {
    PLUS("+"),
    MINUS("-") {
        @Override
        public int apply(int left, int right) {
            return left - right;
        }
    },
    TIMES;

    private final String symbol;

    Op() {
        this("*");
    }

    Op(String symbol) {
        this.symbol = symbol;
    }

    public int apply(int left, int right) {
        return symbol.equals("*") ? left * right : left + right;
    }

    public String symbol() {
        return symbol;
    }
}
