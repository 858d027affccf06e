import { LoadingFrame, Skeleton, SkeletonTiles } from "@/components/ui/skeleton";

export default function DashboardLoading() {
  return (
    <LoadingFrame label="Loading">
      <Skeleton className="h-8 w-64 rounded-lg" />
      <SkeletonTiles count={4} className="grid-cols-2 lg:grid-cols-4" />
      <Skeleton className="h-64 rounded-xl" />
    </LoadingFrame>
  );
}
