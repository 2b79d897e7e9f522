package com.acme.testapp.patterns;

/** A {@link Job} two levels down: neither {@link Audited} nor {@code Job} is named in its class file. */
public class BackupJob extends NightlyJob {

    @Override
    public int perform() {
        return 3;
    }

    public int verify() {
        return 4;
    }
}
