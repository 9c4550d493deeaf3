import { Box, Typography } from '@strapi/design-system';

/**
 * How much of the report is done, drawn as people read a bar: filled from the left as the share
 * grows, with its value for screen readers (the design system's ProgressBar is made for dark
 * backgrounds and says no value).
 */
export const CompletenessBar = ({ percentage, label }: { percentage: number; label: string }) => {
  const value = Math.max(0, Math.min(100, Math.round(percentage)));
  const id = 'coop-completeness-label';
  return (
    <Box>
      <Typography id={id} variant="omega" fontWeight="bold">
        {label}: {value}%
      </Typography>
      <Box
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value}% delle voci compilate`}
        data-testid="completeness-bar"
        marginTop={1}
        background="neutral150"
        hasRadius
        overflow="hidden"
        height="0.8rem"
        width="100%"
      >
        <Box
          data-testid="completeness-bar-fill"
          background={value === 100 ? 'success500' : 'primary600'}
          height="100%"
          style={{ width: `${value}%` }}
        />
      </Box>
    </Box>
  );
};
