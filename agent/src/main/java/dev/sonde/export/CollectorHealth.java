package dev.sonde.export;

import dev.sonde.bootstrap.Log;
import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.CompletableResultCode;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What sonde says about the collector: one line when pushes start failing, one when they work
 * again, nothing in between however long it stays away. Called by the push thread alone.
 */
final class CollectorHealth {

    private final String endpoint;
    private final String every;
    private long failedInARow;

    CollectorHealth(String endpoint, String every) {
        this.endpoint = endpoint;
        this.every = every;
    }

    /** After a push: {@code result} is done, or still pending past its wait (counted as failed). */
    void after(CompletableResultCode result) {
        if (result.isDone() && result.isSuccess()) {
            if (failedInARow > 0) {
                Log.info("OTLP push to " + endpoint + " works again, after " + (failedInARow == 1 ? "1 failed push"
                        : failedInARow + " failed pushes in a row") + "; no figure was lost (they are cumulative)");
            }
            failedInARow = 0;
            return;
        }
        failed(result.isDone() ? why(result.getFailureThrowable()) : "no answer in time");
    }

    /** A push that could not even be sent (its data could not be built, the exporter failed). */
    void failed(String why) {
        failedInARow++;
        if (failedInARow == 1) {
            Log.error("OTLP push to " + endpoint + " failed (" + why + "); sonde tries again every " + every
                    + " and says so once it works");
        }
    }

    long failedInARow() {
        return failedInARow;
    }

    private static String why(Throwable failure) {
        if (failure instanceof FailedExportException.HttpExportException) {
            FailedExportException.HttpExportException http = (FailedExportException.HttpExportException) failure;
            if (http.failedWithResponse()) {
                return "HTTP " + http.getResponse().getStatusCode();
            }
            return http.getCause() == null ? "no answer" : Log.describe(unwrapped(http.getCause()));
        }
        return failure == null ? "refused" : Log.describe(unwrapped(failure));
    }

    /**
     * The {@code ConnectException} inside a {@code CompletionException}: neither the wrapper nor the
     * channel's {@code ClosedChannelException} inside it says that nobody listens.
     */
    private static Throwable unwrapped(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
