import { getFormProps } from "@conform-to/react";
import { Button } from "@utrecht/component-library-react";
import { Form } from "react-router";
import type { z } from "zod";
// Pure modules, imported past the index (see app/forms/advice.ts).
import { type AdviceFileSide, isSidePublic } from "../../src/domain/councils/advice-states.ts";
import type { AdviceFile, AdviceStatus } from "../../src/domain/councils/index.ts";
import type { attachAdviceFileForm } from "../forms/advice.ts";
import { useT } from "../i18n/use-translation.ts";
import { ErrorSummary, FileField } from "./form-fields.tsx";
import { useFormFor } from "./page-forms.ts";

/**
 * A PDF for one side of a piece of advice. The hint says who will see it: everyone at once when the side is public
 * already, otherwise only the council and the municipality until it is.
 */
export function AttachAdviceFileForm({
  advice,
  side,
}: {
  advice: { id: string; subject: string; status: AdviceStatus };
  side: AdviceFileSide;
}) {
  const t = useT();
  const [form] = useFormFor<z.input<typeof attachAdviceFileForm>>(`attach-${advice.id}-${side}`);
  const label = t(`advice.attach.${side}`);
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      aria-label={`${label}: ${advice.subject}`}
    >
      <input type="hidden" name="intent" value="attach" />
      <input type="hidden" name="advice" value={advice.id} />
      <input type="hidden" name="side" value={side} />
      <ErrorSummary formErrors={form.errors} fields={[]} />
      <FileField
        meta={{ id: `bestand-${advice.id}-${side}`, name: "file", errors: form.allErrors.file }}
        label={label}
        description={t(
          isSidePublic(side, advice.status)
            ? "advice.attach.hint.public"
            : side === "advice"
              ? "advice.attach.hint.advice"
              : "advice.attach.hint.response",
        )}
        accept="application/pdf"
      />
      <Button type="submit" appearance="secondary-action-button">
        {t("advice.attach.submit")}
      </Button>
    </Form>
  );
}

/** Takes a file off: deleted while its side was never public, kept but hidden after (the domain decides). */
export function RemoveAdviceFileForm({ adviceId, file }: { adviceId: string; file: AdviceFile }) {
  const t = useT();
  const [form] = useFormFor(`remove-file-${file.id}`);
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      className="samenspel-inline-form"
      aria-label={t("advice.removeFile.form", { name: file.fileName })}
    >
      <input type="hidden" name="intent" value="remove-file" />
      <input type="hidden" name="advice" value={adviceId} />
      <input type="hidden" name="file" value={file.id} />
      <ErrorSummary formErrors={form.errors} fields={[]} />
      <Button type="submit" appearance="secondary-action-button">
        {t("advice.removeFile.submit", { name: file.fileName })}
      </Button>
    </Form>
  );
}
