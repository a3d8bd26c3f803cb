import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CalendarFeedStatus, CalendarFeedUrl } from '../../../schemas/calendar-feed';

const FEED_KEY = ['calendar-feed'] as const;

export function useCalendarFeed() {
  return useQuery({
    queryKey: FEED_KEY,
    queryFn: () => api.get<CalendarFeedStatus>('/api/calendar-feed'),
  });
}

/** Creates the feed's URL, or replaces it (the old one stops working). */
export function useReplaceCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CalendarFeedUrl>('/api/calendar-feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: FEED_KEY }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/calendar-feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: FEED_KEY }),
  });
}
