/**
 * Mantine's anchor, button and card as typed router links: `to` and `params`
 * are checked against the routes (TanStack Router's createLink), and a click
 * navigates in the app instead of reloading the page.
 */
import { Anchor, Button, Card, type AnchorProps, type ButtonProps, type CardProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';

const MantineAnchor = forwardRef<HTMLAnchorElement, AnchorProps & ComponentPropsWithoutRef<'a'>>((props, ref) => <Anchor component="a" ref={ref} {...props} />);
const MantineButton = forwardRef<HTMLAnchorElement, ButtonProps & ComponentPropsWithoutRef<'a'>>((props, ref) => <Button component="a" ref={ref} {...props} />);
const MantineCard = forwardRef<HTMLAnchorElement, CardProps & ComponentPropsWithoutRef<'a'>>((props, ref) => <Card component="a" ref={ref} {...props} />);

export const AnchorLink = createLink(MantineAnchor);
export const ButtonLink = createLink(MantineButton);
export const CardLink = createLink(MantineCard);
