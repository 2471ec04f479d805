import { Loading } from "./_components/status";

export default function RootLoading() {
  return <Loading />;
}
