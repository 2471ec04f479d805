import { BuilderProfile } from "../../_components/builder-profile";

export default async function BuilderPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <BuilderProfile slug={slug} />;
}
