import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { PasswordLinkUrl, PasswordLinkView } from '../../../schemas/password-links';

// Set-password links: the admin makes one for a user; the user's page reads and uses it.

export function useCreatePasswordLink() {
  return useMutation({
    mutationFn: (userId: string) => api.post<PasswordLinkUrl>(`/api/users/${userId}/password-link`),
  });
}

export function usePasswordLink(token: string) {
  return useQuery({
    queryKey: ['password-link', token],
    queryFn: () => api.get<PasswordLinkView>(`/api/password-links/${token}`),
    retry: false,
  });
}

export function useSetPassword(token: string) {
  return useMutation({
    mutationFn: (password: string) =>
      api.post<{ email: string }>(`/api/password-links/${token}`, { password }),
  });
}
