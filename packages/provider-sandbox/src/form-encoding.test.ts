import { describe, expect, it } from "vitest";
import { FormDecodeError, canonicalJson, decodeStripeForm } from "./form-encoding";

describe("decodeStripeForm", () => {
  it("decodes stripe-node style nested brackets into objects and arrays", () => {
    const body =
      "mode=payment&line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=2500" +
      "&line_items[0][price_data][product_data][name]=Intro%20call&line_items[0][quantity]=2" +
      "&line_items[1][quantity]=1&metadata[booking_id]=b_1&expand[0]=payment_intent";
    expect(decodeStripeForm(body)).toEqual({
      mode: "payment",
      line_items: [
        { price_data: { currency: "usd", unit_amount: "2500", product_data: { name: "Intro call" } }, quantity: "2" },
        { quantity: "1" },
      ],
      metadata: { booking_id: "b_1" },
      expand: ["payment_intent"],
    });
  });

  it('decodes percent-encoded brackets, "+" as space, and empty brackets as push', () => {
    expect(decodeStripeForm("metadata%5Bnote%5D=a+b%2Bc&expand[]=x&expand[]=y")).toEqual({
      metadata: { note: "a b+c" },
      expand: ["x", "y"],
    });
  });

  it("compacts sparse arrays like qs", () => {
    expect(decodeStripeForm("a[0]=x&a[5]=y")).toEqual({ a: ["x", "y"] });
  });

  it("rejects prototype keys and scalar/nested conflicts", () => {
    expect(() => decodeStripeForm("__proto__[x]=1")).toThrow(FormDecodeError);
    expect(() => decodeStripeForm("a=1&a[b]=2")).toThrow(FormDecodeError);
    expect(() => decodeStripeForm("a[b]=2&a=1")).toThrow(FormDecodeError);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("keeps a malformed key literal", () => {
    expect(decodeStripeForm("a[b]c=1")).toEqual({ "a[b]c": "1" });
  });
});

describe("canonicalJson", () => {
  it("ignores key order but not array order", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});
