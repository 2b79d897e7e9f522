package com.acme.testapp.patterns;

/**
 * The top of a hierarchy whose subclasses carry nothing in their own class files: {@link BackupJob}
 * inherits {@link Audited} and is a {@code Job} through {@link NightlyJob} only.
 */
@Audited
public class Job {

    public int perform() {
        return 1;
    }
}
