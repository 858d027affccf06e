import { LoadingFrame, Skeleton, SkeletonTiles } from "@/components/ui/skeleton";

export default function PayoutsLoading() {
  return (
    <LoadingFrame label="Loading payouts">
      <Skeleton className="h-8 w-40 rounded-lg" />
      <Skeleton className="h-28 rounded-2xl" />
      <SkeletonTiles count={3} className="grid-cols-1 sm:grid-cols-3" />
      <Skeleton className="h-64 rounded-xl" />
    </LoadingFrame>
  );
}
