"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import {
  becomeBuilderForm,
  becomeBuilderFormValues,
  type BecomeBuilderFormValues,
  type BecomeBuilderInput,
} from "@/core/validation/become-builder";
import { TextField } from "@/components/form-fields";
import { getErrorMessage } from "@/lib/errors";
import { showServerErrors } from "@/lib/form-errors";
import { detectTimeZone } from "@/lib/use-viewer-zone";
import { useTRPC } from "@/trpc/client";
import type { Viewer } from "@/trpc/types";
import { ProfileFields } from "./profile-fields";

export function BecomeBuilderForm({ viewer }: { viewer: NonNullable<Viewer> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [defaultValues] = useState(() => becomeBuilderFormValues(viewer.name, detectTimeZone()));
  const form = useForm<BecomeBuilderFormValues, unknown, BecomeBuilderInput>({
    resolver: zodResolver(becomeBuilderForm),
    defaultValues,
  });
  const become = useMutation(
    trpc.builder.becomeBuilder.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );
  const slug = form.watch("slug");

  const onSubmit = form.handleSubmit((values) => become.mutate(values, { onError: (error) => showServerErrors(form.setError, error) }));

  return (
    <section className="card" aria-labelledby="become-heading">
      <h2 id="become-heading">Become a builder</h2>
      <p className="muted">Create a public profile so clients can book sessions with you.</p>
      <FormProvider {...form}>
        <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <TextField
            label="Profile URL slug"
            required
            error={form.formState.errors.slug?.message}
            hint={`Your page: /builders/${slug || "your-name"}`}
            {...form.register("slug")}
          />
          <ProfileFields />
          <div aria-live="assertive">
            {become.isError ? (
              <p className="notice notice-error" role="alert">
                {getErrorMessage(become.error)}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button" disabled={become.isPending}>
            {become.isPending ? "Creating profile…" : "Become a builder"}
          </button>
        </form>
      </FormProvider>
    </section>
  );
}
