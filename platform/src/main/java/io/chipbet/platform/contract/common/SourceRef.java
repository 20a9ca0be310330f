package io.chipbet.platform.contract.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a fact comes from. Every fact in chipbet has at least one. */
@Schema(description = "A public source for a fact")
public record SourceRef(
        @Schema(examples = "https://gimletmedia.com/shows/the-journal/llhevgdz/sam-altmans-7-trillion-moonshot")
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Schema(examples = "Sam Altman's $7 Trillion 'Moonshot' (WSJ The Journal podcast, Feb 14 2024)")
        @NotBlank @Size(max = 500) String title) {
}
