package io.hostwright.domain.service;

import java.util.List;

/** Port: the services sold on one back-end connection, newest first (terminated ones too). */
public interface ServicesByConnection {

    List<Service> onConnection(String connectionId);
}
