package dev.sonde.cli;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The only class that touches the attach API ({@code jdk.attach}) directly, so that a runtime
 * without that module fails in one checked place ({@link TargetJvm#requireAttachSupport}) rather
 * than with a {@code NoClassDefFoundError} anywhere.
 */
final class LocalJvms {

    private LocalJvms() {
    }

    /** A JVM the attach API lists: those of this user whose performance data is visible. */
    static final class Listed {
        final long pid;
        final String command;

        Listed(long pid, String command) {
            this.pid = pid;
            this.command = command;
        }
    }

    static List<Listed> list() {
        List<Listed> jvms = new ArrayList<>();
        for (VirtualMachineDescriptor descriptor : VirtualMachine.list()) {
            try {
                jvms.add(new Listed(Long.parseLong(descriptor.id()), descriptor.displayName()));
            } catch (NumberFormatException e) {
                // Not a process id (another attach provider's naming): not ours to show.
            }
        }
        return jvms;
    }

    /**
     * The address of the target's local JMX connector, which is started if it does not run yet (as
     * {@code jcmd <pid> ManagementAgent.start_local} does): an RMI connector on an ephemeral port
     * that accepts connections from this machine only, until the JVM exits.
     */
    static String localConnectorAddress(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        try {
            return vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
    }

    /** Attaches, reads the target's system properties and detaches; no agent is loaded. */
    static Properties systemProperties(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        try {
            return vm.getSystemProperties();
        } finally {
            vm.detach();
        }
    }
}
