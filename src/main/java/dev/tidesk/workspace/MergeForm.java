package dev.tidesk.workspace;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The request to merge into, or to link with, by its TID ("TID-10427" or "10427"). */
record MergeForm(@NotBlank @Size(max = 40) String target) {}
