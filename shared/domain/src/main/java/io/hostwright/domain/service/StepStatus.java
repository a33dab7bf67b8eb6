package io.hostwright.domain.service;

/** Where one provisioning step stands. */
public enum StepStatus {
    STARTED,
    WAITING,
    SUCCEEDED,
    FAILED
}
