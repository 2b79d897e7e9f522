package com.acme.loading;

import java.util.concurrent.Callable;

/**
 * Classes for the tests of sonde's transformer front: outside sonde's own packages, which the front
 * never hands to Byte Buddy.
 */
public final class Callables {

    private Callables() {
    }

    public static class Declares implements Callable<String> {
        @Override
        public String call() {
            return "called";
        }
    }

    /** Implements the interface through its superclass and declares none of its methods. */
    public static class Inherits extends Declares {
        int unrelated() {
            return 1;
        }
    }

    /** Declares a method of the servlet filter's name: what the HTTP advice may go into. */
    public static class FilterLike {
        public void doFilter(Object request, Object response, Object chain) {
        }
    }

    /**
     * Declares a method of a JDBC statement's name, as a statement that inherits the interface does:
     * what the SQL advice may go into. Its {@code throws} names {@code java.sql}.
     */
    public static class StatementLike {
        public int executeUpdate(String sql) throws java.sql.SQLException {
            return sql.length();
        }
    }

    /** Declares {@code execute} as executors and templates do, with nothing of JDBC about it. */
    public static class ExecutorLike {
        public void execute(Runnable task) {
            task.run();
        }
    }
}
