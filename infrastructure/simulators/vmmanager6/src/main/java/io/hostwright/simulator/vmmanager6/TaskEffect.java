package io.hostwright.simulator.vmmanager6;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * What a task does to its host when it ends, as data rather than code, so a task under way is kept across restarts
 * like everything else (see {@link WorldState}). {@code host} is the task's host, still in the world.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TaskEffect.Create.class, name = "create"),
        @JsonSubTypes.Type(value = TaskEffect.Delete.class, name = "delete"),
        @JsonSubTypes.Type(value = TaskEffect.Power.class, name = "power"),
        @JsonSubTypes.Type(value = TaskEffect.Reinstall.class, name = "reinstall"),
        @JsonSubTypes.Type(value = TaskEffect.ChangeParams.class, name = "changeParams"),
        @JsonSubTypes.Type(value = TaskEffect.Password.class, name = "password"),
        @JsonSubTypes.Type(value = TaskEffect.DiskResize.class, name = "diskResize")})
sealed interface TaskEffect {

    void complete(World world, HostState host, Instant at);

    void fail(World world, HostState host, Instant at);

    /** {@code active} and on; a failed create leaves it {@code failed}. */
    record Create() implements TaskEffect {
        @Override
        public void complete(World world, HostState host, Instant at) {
            host.state = HostState.ACTIVE;
            host.power(true, at);
        }

        @Override
        public void fail(World world, HostState host, Instant at) {
            host.state = HostState.FAILED;
        }
    }

    /** Gone, its IPs back in their pools; a failed delete leaves it as it was. */
    record Delete(String before) implements TaskEffect {
        @Override
        public void complete(World world, HostState host, Instant at) {
            world.releaseIps(host);
            world.hosts.remove(host.id);
        }

        @Override
        public void fail(World world, HostState host, Instant at) {
            host.state = before;
        }
    }

    /** Start and restart leave it {@code active} and on, stop {@code stopped} and off. */
    record Power(boolean on) implements TaskEffect {
        @Override
        public void complete(World world, HostState host, Instant at) {
            host.state = on ? HostState.ACTIVE : HostState.STOPPED;
            host.power(on, at);
        }

        @Override
        public void fail(World world, HostState host, Instant at) {
        }
    }

    /** {@code active} and on with the new OS (and password, when one was given). */
    record Reinstall(long osId, String password, String before) implements TaskEffect {
        @Override
        public void complete(World world, HostState host, Instant at) {
            host.osId = osId;
            if (password != null) {
                host.password = password;
            }
            host.state = HostState.ACTIVE;
            host.power(true, at);
        }

        @Override
        public void fail(World world, HostState host, Instant at) {
            host.state = before;
        }
    }

    /** The resources given (null: unchanged), then the state before. */
    record ChangeParams(Long cpuNumber, Long ramMib, Long netBandwidthMbitps, String before) implements TaskEffect {
        @Override
        public void complete(World world, HostState host, Instant at) {
            if (cpuNumber != null) {
                host.cpuNumber = (int) (long) cpuNumber;
            }
            if (ramMib != null) {
                host.ramMib = ramMib;
            }
            if (netBandwidthMbitps != null) {
                host.netBandwidthMbitps = netBandwidthMbitps;
            }
            host.state = before;
        }

        @Override
        public void fail(World world, HostState host, Instant at) {
            host.state = before;
        }
    }

    record Password(String password) implements TaskEffect {
        @Override
        public void complete(World world, HostState host, Instant at) {
            host.password = password;
        }

        @Override
        public void fail(World world, HostState host, Instant at) {
        }
    }

    /** The disk at its new size, then the state before. */
    record DiskResize(long diskId, long sizeMib, String before) implements TaskEffect {
        @Override
        public void complete(World world, HostState host, Instant at) {
            host.disks.stream().filter(d -> d.id == diskId).forEach(d -> d.sizeMib = sizeMib);
            host.state = before;
        }

        @Override
        public void fail(World world, HostState host, Instant at) {
            host.state = before;
        }
    }
}
